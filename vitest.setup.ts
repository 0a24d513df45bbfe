import fc from "fast-check";

// A property that fails shrinks through many inputs, each a full run of synchronous code the
// test timeout cannot interrupt: bound every property's time so a failure is reported, not hung.
fc.configureGlobal({ interruptAfterTimeLimit: 25_000, markInterruptAsFailure: true });
