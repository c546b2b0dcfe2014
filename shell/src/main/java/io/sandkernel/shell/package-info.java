/**
 * {@code sh}: Sandkernel's POSIX shell, modelled on dash, run by the JVM driver as a virtual
 * process ({@link io.sandkernel.shell.Shell}).
 *
 * <p>Structure: {@code Lexer} and {@code Parser} turn source into the {@code Ast} (sealed
 * interfaces and records; {@code Printer} turns it back into source); {@code Expander} does word
 * expansion (parameters, command substitution, {@code Arith}metic, field splitting, globbing via
 * {@code Patterns} on the kernel filesystem); {@code Interpreter} runs trees with
 * {@code Builtins}, {@code TextBuiltins}, {@code TestBuiltin}, {@code JobBuiltins} and
 * {@code Redirector}; {@code Launcher} starts processes (external commands, pipelines,
 * background jobs, and child {@code sh} processes for subshells and command substitutions);
 * {@code Io} changes the shell's own kernel descriptors for redirections (saving and restoring
 * them), so that every process it starts inherits them; {@code HereDocs} makes here-documents;
 * {@code Fs} asks the kernel about files ({@code stat}, {@code access}, {@code readdir}), for
 * {@code test}, globbing, command lookup and scripts; {@code JobTable} keeps the jobs;
 * {@link io.sandkernel.shell.Terminal} is the seam for the controlling terminal.
 *
 * <p>The shell uses no {@code java.nio.file}: every path it names is the kernel's, through
 * {@link io.sandkernel.api.ProcessApi}.
 */
package io.sandkernel.shell;
