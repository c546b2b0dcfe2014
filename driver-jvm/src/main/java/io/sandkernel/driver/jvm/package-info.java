/**
 * The JVM runtime driver: {@link io.sandkernel.driver.jvm.JvmDriver} runs {@link
 * io.sandkernel.api.Program}s as virtual processes, one virtual thread each, with Linux
 * signal semantics acted on at kernel calls. Also holds the {@code kill} and {@code ps} commands.
 */
package io.sandkernel.driver.jvm;
