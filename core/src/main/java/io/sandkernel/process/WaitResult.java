package io.sandkernel.process;

/**
 * What a wait collected.
 *
 * @param pid    the child the event belongs to
 * @param status the exit code for {@link WaitEvent#EXITED}, else the signal number
 * @param event  what happened
 */
public record WaitResult(int pid, int status, WaitEvent event) {}
