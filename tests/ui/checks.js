'use strict';
/** Counts passed and failed checks and prints each one as it completes. */
class Checks {
  constructor() {
    this.passed = 0;
    this.failed = 0;
  }

  pass(name) {
    this.passed += 1;
    console.log(`  ✓ ${name}`);
  }

  fail(name, error) {
    this.failed += 1;
    console.log(`  ✗ ${name}\n      ${String(error?.stack ?? error).split('\n').slice(0, 4).join('\n      ')}`);
  }

  /** A synchronous check; `explain` says what was found when it fails. */
  expect(name, condition, explain = () => '') {
    if (condition()) this.pass(name);
    else this.fail(name, explain());
  }

  /** Runs an async step; it passes when it does not throw. Returns whether it passed. */
  async step(name, run) {
    try {
      await run();
      this.pass(name);
      return true;
    } catch (error) {
      this.fail(name, error);
      return false;
    }
  }
}

/** Throws with `message` unless `condition` holds. */
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

module.exports = { Checks, assert };
