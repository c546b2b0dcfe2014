/**
 * Memory as a kernel resource: the bytes programs hold on the kernel's behalf (their own
 * reservations, argument vectors, pipe buffers, in-memory file data), charged against the
 * kernel's limit ({@link io.sandkernel.kernel.memory.MemoryAccount}) and each process's own
 * ({@link io.sandkernel.kernel.memory.ProcessMemory}, as Linux's {@code RLIMIT_AS}).
 */
package io.sandkernel.kernel.memory;
