/** Placeholder: the notifications feature replaces this header widget. */
export function NotificationBell() {
  return null;
}
