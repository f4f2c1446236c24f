import type { DeliveryState } from '../../model';
import { spangwDeliveryState } from './spangw-delivery-state';

/** One sent message as `/smsoutbox/get` lists it. */
export interface SpangwOutboxEntry {
  portName: string;
  phoneNumber: string;
  /** The gateway's local `YYYY-MM-DD HH:MM:SS`, verbatim. */
  time: string;
  message: string;
  /** `FAILED`, `SENT` or `DELIVERD` (sic), verbatim. */
  status: string;
  state: DeliveryState;
  raw: Record<string, unknown>;
}

/** Filters of `/smsoutbox/get`; dates are instants, sent as the gateway's local time. */
export interface SpangwOutboxQuery {
  /** 1-based; default 1. */
  page?: number;
  phoneNumber?: string;
  from?: Date;
  to?: Date;
}

export interface SpangwOutboxPage {
  page: number;
  entries: SpangwOutboxEntry[];
  /** When the gateway says how many pages there are. */
  totalPages?: number;
}

function toEntry(item: unknown): SpangwOutboxEntry | undefined {
  if (!item || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const raw = item as Record<string, unknown>;
  const status = String(raw.status ?? '');
  return {
    portName: String(raw.port_name ?? raw.portname ?? ''),
    phoneNumber: String(raw.phonenumber ?? raw.phone_number ?? ''),
    time: String(raw.time ?? ''),
    message: String(raw.message ?? ''),
    status,
    state: spangwDeliveryState(status),
    raw,
  };
}

/**
 * The `data` of `/smsoutbox/get`: the seed shows a plain array; a wrapper object with the list
 * under `list`/`records`/`sms`/`data` and a page count is accepted too.
 */
export function parseSpangwOutboxPage(data: unknown, page: number): SpangwOutboxPage {
  let list: unknown[] = [];
  let totalPages: number | undefined;
  if (Array.isArray(data)) {
    list = data;
  } else if (data && typeof data === 'object') {
    const wrapper = data as Record<string, unknown>;
    const inner = [wrapper.list, wrapper.records, wrapper.sms, wrapper.data].find(Array.isArray);
    list = (inner as unknown[] | undefined) ?? [];
    const pages = Number(wrapper.total_page ?? wrapper.total_pages ?? wrapper.page_count);
    if (Number.isInteger(pages) && pages >= 0) totalPages = pages;
  }
  const entries = list.map(toEntry).filter((entry): entry is SpangwOutboxEntry => entry !== undefined);
  return totalPages === undefined ? { page, entries } : { page, entries, totalPages };
}
