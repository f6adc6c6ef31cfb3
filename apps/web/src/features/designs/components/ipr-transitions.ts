import { IPR_TRANSITIONS, type IprStatus } from '@counterpoint/core';

/** The IPR changes the API accepts (it checks them again): the shared rule from core. */
export const IPR_NEXT: Record<IprStatus, readonly IprStatus[]> = IPR_TRANSITIONS;
