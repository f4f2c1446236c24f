/**
 * Ctrl-C (SIGINT) and SIGTERM stop a demo once: `what` is said, `stopAll` runs, and the process
 * exits 0. `isStopping` tells whether a stop is already under way (a second Ctrl-C changes nothing).
 */
function stopOnSignals({ say, what, stopAll, isStopping }) {
  const onSignal = (signal) => {
    if (isStopping()) return;
    say(`\n${signal === 'SIGINT' ? 'Ctrl-C' : signal}: stopping ${what} …`);
    void stopAll().then(() => {
      say('stopped.');
      process.exit(0);
    });
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
}

module.exports = { stopOnSignals };
