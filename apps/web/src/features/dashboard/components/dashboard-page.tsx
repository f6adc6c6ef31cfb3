import { Link } from 'react-router';
import { PageHeader } from '../../../components/page-header';
import { CampaignTasksSection } from './campaign-tasks-section';
import { DesignStatusSummary } from './design-status-summary';
import { RecentRemovals } from './recent-removals';
import { RemindersSection } from './reminders-section';
import './dashboard.css';

/** `/` for signed-in artists: what needs them today, then how things stand. */
export function DashboardPage() {
  return (
    <section>
      <PageHeader
        title="Dashboard"
        description="What needs you today, and how your complaints and designs stand."
        actions={
          <>
            <Link className="button primary" to="/findings">
              Add findings
            </Link>
            <Link className="button" to="/complaints/new">
              Record a complaint
            </Link>
          </>
        }
      />
      <div className="dashboard-grid">
        <div className="stack">
          <RemindersSection />
          <CampaignTasksSection />
        </div>
        <div className="stack">
          <RecentRemovals />
          <DesignStatusSummary />
        </div>
      </div>
    </section>
  );
}
