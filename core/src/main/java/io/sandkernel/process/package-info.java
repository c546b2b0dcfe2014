/**
 * The process table of a virtual PID namespace: {@link io.sandkernel.process.ProcessTable} and the
 * values it takes and returns. Runtime drivers plug in through
 * {@link io.sandkernel.process.DriverProcess}; everything else here is an immutable value.
 */
package io.sandkernel.process;
