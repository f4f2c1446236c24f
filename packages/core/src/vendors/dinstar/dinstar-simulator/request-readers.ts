import type { SimulatorRequest } from '../../../simulator/simulator-request';

/** The request body as JSON, or undefined when it is not JSON. */
export function parseJsonBody(request: SimulatorRequest): unknown {
  try {
    return JSON.parse(request.body);
  } catch {
    return undefined;
  }
}

/** A comma-separated query parameter as its items. */
export function listParameter(request: SimulatorRequest, name: string): string[] | undefined {
  const value = request.query[name];
  return value === undefined ? undefined : value.split(',').map((item) => item.trim()).filter((item) => item !== '');
}

export function isIntegerArray(value: unknown, min: number, max: number): value is number[] {
  return Array.isArray(value) && value.every((item) => Number.isInteger(item) && item >= min && item <= max);
}
