// @smsbridge/core/testing: what tests, demos and the CLI's simulate commands need, kept out of the
// main entry so that importing the core to send does not load five HTTP-server simulators.
export { ManualClock } from './manual-clock';
export { createSimulator, SIMULATOR_FACTORIES, SIMULATED_GATEWAYS } from './simulator-catalog';
export { startSimulators, MultiSimulator, type StartSimulatorsOptions } from './start-simulators';
export * from '../simulator';
export { DiafaanSimulator } from '../vendors/diafaan/diafaan-simulator';
export { RoutesmsSimulator } from '../vendors/routesms/routesms-simulator';
export { JasminSimulator } from '../vendors/jasmin/jasmin-simulator';
export { SpangwSimulator } from '../vendors/spangw/spangw-simulator';
export { DinstarSimulator } from '../vendors/dinstar/dinstar-simulator';
export * as virtualModem from '../modem/virtual';
