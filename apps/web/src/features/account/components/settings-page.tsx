import { DataState } from '../../../components/data-state';
import { PageHeader } from '../../../components/page-header';
import { useMe } from '../api/get-me';
import { ApiTokensSection } from './api-tokens-section';
import { AttributionSection } from './attribution-section';
import styles from './account.module.css';
import { ProfileSection } from './profile-section';
import { RemindersSection } from './reminders-section';

export function SettingsPage() {
  const me = useMe();
  return (
    <>
      <PageHeader
        title="Settings"
        description="Your profile, what the public may see, reminder timing and API tokens."
      />
      <DataState
        query={me}
        loadingLabel="Loading your settings…"
        errorTitle="Your settings could not be loaded."
        isEmpty={(artist) => artist === null}
        empty={
          <div className="state">
            <p className="state-title">Sign in to change your settings.</p>
          </div>
        }
      >
        {(artist) =>
          artist && (
            <div className={styles.sections}>
              <ProfileSection me={artist} />
              <AttributionSection me={artist} />
              <RemindersSection me={artist} />
              <ApiTokensSection />
            </div>
          )
        }
      </DataState>
    </>
  );
}
