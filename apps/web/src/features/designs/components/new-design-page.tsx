import { useNavigate } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { useCreateDesign } from '../api/create-design';
import { DesignForm } from './design-form';

export function NewDesignPage() {
  const create = useCreateDesign();
  const navigate = useNavigate();
  return (
    <section className="narrow">
      <PageHeader
        title="Add a design"
        back={{ to: '/designs', label: 'Designs' }}
        description="Describe it as you will on IPP. You can add its image and record its IPR status next."
      />
      <div className="card">
        <DesignForm
          submitLabel="Add design"
          isPending={create.isPending}
          error={create.error}
          onSubmit={(body) =>
            create.mutate(body, {
              onSuccess: (design) => void navigate(`/designs/${design.id}`),
            })
          }
        />
      </div>
    </section>
  );
}
