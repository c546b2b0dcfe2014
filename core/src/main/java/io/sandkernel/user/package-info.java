/** Who a process runs as: {@link io.sandkernel.user.ProcessIdentity}. */
package io.sandkernel.user;
