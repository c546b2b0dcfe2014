package io.sandkernel.process;

/** How {@link ProcessTable#sigprocmask} combines the given set with the current mask. */
public enum SigmaskHow {
    /** Add the set to the mask ({@code SIG_BLOCK}). */
    BLOCK,
    /** Remove the set from the mask ({@code SIG_UNBLOCK}). */
    UNBLOCK,
    /** Replace the mask with the set ({@code SIG_SETMASK}). */
    SET_MASK
}
