import type { SimulatorReply } from '../../../simulator/simulator-request';
import { wallClockAsUtc, wallClockIn } from '../../shared/zone-wall-clock';
import { PythonFloat, pythonJson } from '../jasmin-python-json';
import { restJson } from './rest-replies';
import type { JasminSimulatorState } from './simulator-state';

/** A wall-clock date in the server's zone → clock milliseconds. */
function serverLocalToMs([year, month, day, hour, minute, second]: number[], zone: string): number {
  const wallAsUtc = Date.UTC(year!, month! - 1, day!, hour!, minute!, second!);
  const offsetAt = (utc: number) => wallClockAsUtc(wallClockIn(utc, zone)) - utc;
  const offset = offsetAt(wallAsUtc - offsetAt(wallAsUtc));
  return wallAsUtc - offset;
}

/** `schedule_at` → seconds to wait (and how Python would print them), or the 412 Jasmin answers. */
export function scheduleCountdown(value: unknown, state: JasminSimulatorState): { seconds: number; label: string } | { reply: SimulatorReply } {
  if (value === undefined || value === null) return { seconds: 0, label: '0' };
  const text = String(value);
  const date = /^(\d{4})-(\d{2})-(\d{2}) (\d{2}):(\d{2}):(\d{2})$/.exec(text);
  if (date) {
    const at = serverLocalToMs(date.slice(1).map(Number), state.serverTimeZone);
    const seconds = (at - state.now()) / 1000;
    if (seconds < 0) {
      return { reply: restJson(412, { title: 'Cannot schedule batch in past date', description: `Invalid past date given: ${text}` }) };
    }
    return { seconds, label: pythonJson(new PythonFloat(seconds)) };
  }
  const relative = /^(\d+)s$/.exec(text);
  if (!relative) {
    return {
      reply: restJson(412, {
        title: 'Cannot parse scheduled_at value',
        description: `Got unknown format: ${text}, correct formats are 'YYYY-MM-DD mm:hh:ss' or number of seconds, c.f. http://docs.jasminsms.com/en/latest/apis/rest`,
      }),
    };
  }
  return { seconds: Number(relative[1]), label: relative[1]! };
}
