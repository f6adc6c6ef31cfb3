import { useEffect, useId, useRef, useState } from 'react';
import { Link } from 'react-router';
import { DateText } from '../../../components/date-text';
import { ApiError } from '../../../lib/api-client';
import { useNotifications } from '../api/get-notifications';
import { useMarkNotificationsRead } from '../api/mark-notifications-read';
import styles from './notification-bell.module.css';

function BellIcon() {
  return (
    <svg viewBox="0 0 24 24" width="20" height="20" aria-hidden="true" focusable="false">
      <path
        d="M12 3a6 6 0 0 0-6 6v3.6l-1.7 2.9A1 1 0 0 0 5.2 17h13.6a1 1 0 0 0 .9-1.5L18 12.6V9a6 6 0 0 0-6-6Zm0 19a3 3 0 0 0 2.8-2H9.2a3 3 0 0 0 2.8 2Z"
        fill="currentColor"
      />
    </svg>
  );
}

/**
 * The header's notifications: a disclosure button with the unread count, opening the latest
 * notifications with "Mark all read". Escape or a click elsewhere closes it.
 */
export function NotificationBell() {
  const notifications = useNotifications();
  const markRead = useMarkNotificationsRead();
  const [isOpen, setOpen] = useState(false);
  const panelId = useId();
  const titleId = useId();
  const root = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);

  useEffect(() => {
    if (!isOpen) return;
    const onPointerDown = (event: PointerEvent) => {
      if (!root.current?.contains(event.target as Node)) setOpen(false);
    };
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      setOpen(false);
      button.current?.focus();
    };
    document.addEventListener('pointerdown', onPointerDown);
    document.addEventListener('keydown', onKeyDown);
    return () => {
      document.removeEventListener('pointerdown', onPointerDown);
      document.removeEventListener('keydown', onKeyDown);
    };
  }, [isOpen]);

  // Signed out (or the session ended): the header shows no bell.
  if (notifications.error instanceof ApiError && notifications.error.status === 401) return null;

  const unread = notifications.data?.unread ?? 0;
  const list = notifications.data?.notifications ?? [];
  const label = unread === 0 ? 'Notifications' : `Notifications, ${unread} unread`;

  return (
    <div className={styles.root} ref={root}>
      <button
        ref={button}
        type="button"
        className={styles.bell}
        aria-expanded={isOpen}
        aria-controls={panelId}
        aria-label={label}
        onClick={() => setOpen((open) => !open)}
      >
        <BellIcon />
        {unread > 0 && (
          <span className={styles.count} aria-hidden="true">
            {unread > 99 ? '99+' : unread}
          </span>
        )}
      </button>
      <div
        id={panelId}
        className={styles.panel}
        hidden={!isOpen}
        role="region"
        aria-labelledby={titleId}
      >
        <div className={styles.panelHeader}>
          <h2 id={titleId} className={styles.title}>
            Notifications
          </h2>
          <button
            type="button"
            className="link-button"
            onClick={() => markRead.mutate(undefined)}
            disabled={unread === 0 || markRead.isPending}
          >
            Mark all read
          </button>
        </div>
        {notifications.isPending ? (
          <p className={styles.message} role="status">
            Loading…
          </p>
        ) : notifications.error ? (
          <div className={styles.message} role="alert">
            <p>Notifications could not be loaded.</p>
            <button
              type="button"
              className="button small"
              onClick={() => void notifications.refetch()}
            >
              Try again
            </button>
          </div>
        ) : list.length === 0 ? (
          <p className={styles.message}>
            No notifications yet. Reminders and seller tier changes appear here.
          </p>
        ) : (
          <ul className={styles.list}>
            {list.map((notification) => {
              const isUnread = !notification.readAt;
              const content = (
                <>
                  <span className={styles.itemTitle}>
                    {isUnread && (
                      <span className={styles.dot}>
                        <span className="visually-hidden">Unread: </span>
                      </span>
                    )}
                    {notification.title}
                  </span>
                  {notification.body && (
                    <span className={styles.itemBody}>{notification.body}</span>
                  )}
                  <span className={styles.itemTime}>
                    <DateText value={notification.createdAt} withTime />
                  </span>
                </>
              );
              const onOpen = () => {
                if (isUnread) markRead.mutate([notification.id]);
                setOpen(false);
              };
              return (
                <li key={notification.id} className={isUnread ? styles.unread : undefined}>
                  {notification.link?.startsWith('/') ? (
                    <Link to={notification.link} className={styles.item} onClick={onOpen}>
                      {content}
                    </Link>
                  ) : (
                    <div className={styles.item}>{content}</div>
                  )}
                </li>
              );
            })}
          </ul>
        )}
      </div>
    </div>
  );
}
