/**
 * Sandkernel's shared error vocabulary: {@link io.sandkernel.Errno} and
 * {@link io.sandkernel.KernelException}, thrown by every kernel operation that fails.
 */
package io.sandkernel;
