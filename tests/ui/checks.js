'use strict';
/** Counts passed and failed checks and prints each one as it completes. */
class Checks {
  constructor() {
    this.passed = 0;
    this.failed = 0;
    /** Called with a failed step's number, to keep what the screen showed (a screenshot). */
    this.onFailure = async () => {};
  }

  pass(name) {
    this.passed += 1;
    console.log(`  ✓ ${name}`);
  }

  /** Prints the whole message (a failed start shows the app's output) and where it was thrown. */
  fail(name, error) {
    this.failed += 1;
    const where = error instanceof Error ? (error.stack ?? '').split('\n').filter((line) => line.trim().startsWith('at ')).slice(0, 3) : [];
    const text = [error instanceof Error ? error.message : String(error), ...where].join('\n');
    console.log(`  ✗ ${name}\n      ${text.split('\n').join('\n      ')}`);
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
      await this.onFailure(this.passed + this.failed).catch(() => {});
      return false;
    }
  }
}

/** Throws with `message` unless `condition` holds. */
function assert(condition, message) {
  if (!condition) throw new Error(message);
}

module.exports = { Checks, assert };
