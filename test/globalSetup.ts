/** Runs once before the test files: nothing shared yet beyond checking the environment. */
export default function setup(): void {}
