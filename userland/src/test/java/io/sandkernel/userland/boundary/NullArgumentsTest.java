package io.sandkernel.userland.boundary;

import static org.assertj.core.api.Assertions.assertThat;

import io.sandkernel.Errno;
import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.Redirect;
import io.sandkernel.api.spi.RuntimeDriver;
import io.sandkernel.kernel.ExecOptions;
import io.sandkernel.kernel.Kernel;
import io.sandkernel.kernel.KernelLimits;
import io.sandkernel.kernel.KernelProcess;
import io.sandkernel.kernel.ShellOptions;
import io.sandkernel.kernel.SpawnOptions;
import io.sandkernel.kernel.UserAccount;
import io.sandkernel.driver.host.HostConfinement;
import io.sandkernel.driver.host.HostDriver;
import io.sandkernel.process.DriverProcess;
import io.sandkernel.process.ProcessContext;
import io.sandkernel.process.ProcessTable;
import io.sandkernel.process.SigmaskHow;
import io.sandkernel.process.SignalSet;
import io.sandkernel.process.WaitOption;
import io.sandkernel.user.ProcessIdentity;
import io.sandkernel.userland.Sandkernel;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.Proxy;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.function.IntConsumer;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

/**
 * The front door answers a null argument the same way everywhere: {@link NullPointerException}
 * whose message names the parameter, or {@link KernelException} EINVAL, or (for the parameters
 * documented as optional) it accepts it; never another exception, never an unexplained NPE from
 * deep inside. Every public method of the front-door classes is called with each of its reference
 * parameters null in turn, the others given ordinary values: {@code Sandkernel}, {@code Kernel}
 * and its builder, {@code KernelProcess}, the option records, the host driver's builder and
 * confinements, and the core's {@code ProcessTable} (whose builder may defer its checks to
 * {@code build()}, EINVAL there).
 */
@Timeout(value = 120, unit = TimeUnit.SECONDS)
class NullArgumentsTest {
    /** Parameters whose Javadoc says null is allowed, by "Class.method": their position. */
    private static final Set<String> OPTIONAL = Set.of(
            "ExecOptions.withCwd/0", "ExecOptions.withTimeout/0", "ExecOptions.withIdentity/0", "ExecOptions.withCpuTime/0",
            "SpawnOptions.withCwd/0", "SpawnOptions.withIdentity/0", "SpawnOptions.withOutput/0",
            "SpawnOptions.withOutput/1", "SpawnOptions.withInput/0", "ShellOptions.withCwd/0",
            "ShellOptions.withIdentity/0", "Kernel.Builder.zombieTtl/0", "ProcessTable.setOnProcessExit/0");

    private static final Map<Class<?>, Supplier<Object>> SAMPLES = Map.ofEntries(
            Map.entry(String.class, () -> "/tmp"),
            Map.entry(List.class, () -> List.of("true")),
            Map.entry(Map.class, Map::of),
            Map.entry(Duration.class, () -> Duration.ofSeconds(1)),
            Map.entry(ProcessIdentity.class, ProcessIdentity::defaults),
            Map.entry(Redirect.class, Redirect.Pipe::new),
            Map.entry(Path.class, () -> Path.of("/nonexistent-sandkernel-test")),
            Map.entry(ExecOptions.class, ExecOptions::defaults),
            Map.entry(SpawnOptions.class, SpawnOptions::defaults),
            Map.entry(ShellOptions.class, ShellOptions::defaults),
            Map.entry(KernelLimits.class, KernelLimits::defaults),
            Map.entry(UserAccount.class, UserAccount::guest),
            Map.entry(InputStream.class, () -> new ByteArrayInputStream(new byte[0])),
            Map.entry(OutputStream.class, ByteArrayOutputStream::new),
            Map.entry(byte[].class, () -> new byte[0]),
            Map.entry(String[].class, () -> new String[] {"true"}),
            Map.entry(Program.class, () -> (Program) process -> 0),
            Map.entry(RuntimeDriver.class, NullArgumentsTest::idleDriver),
            Map.entry(ProcessContext.class, () -> ProcessContext.ofParent(0)),
            Map.entry(DriverProcess.class, NullArgumentsTest::idleProcess),
            Map.entry(WaitOption[].class, () -> new WaitOption[] {WaitOption.WNOHANG}),
            Map.entry(SigmaskHow.class, () -> SigmaskHow.BLOCK),
            Map.entry(SignalSet.class, SignalSet::empty),
            Map.entry(IntConsumer.class, () -> (IntConsumer) pid -> { }),
            Map.entry(Clock.class, Clock::systemUTC),
            Map.entry(HostConfinement.class, HostConfinement::unconfined));

    private final List<String> failures = new ArrayList<>();
    private int calls;

    @Test
    void everyFrontDoorMethodAnswersANullWithANamedNpeOrEinval() throws Exception {
        check(Sandkernel.class, null);
        check(Kernel.Builder.class, Kernel.builder());
        check(ExecOptions.class, ExecOptions.defaults());
        check(SpawnOptions.class, SpawnOptions.defaults());
        check(ShellOptions.class, ShellOptions.defaults());
        check(HostDriver.Builder.class, HostDriver.builder());
        check(HostConfinement.class, null);
        check(ProcessTable.Builder.class, ProcessTable.builder());
        try (ProcessTable table = new ProcessTable()) {
            // pid 1 exists, so that every call reaches its argument checks rather than ESRCH
            table.register(table.allocatePid(), "test", "init", List.of(), ProcessContext.ofParent(0), idleProcess());
            check(ProcessTable.class, table);
        }
        try (Kernel kernel = Sandkernel.newKernel()) {
            check(Kernel.class, kernel);
            KernelProcess cat = kernel.spawn("cat", List.of(), SpawnOptions.defaults());
            check(KernelProcess.class, cat);
            cat.kill(9);
        }

        assertThat(calls).as("calls made").isGreaterThan(40);
        assertThat(failures).isEmpty();
    }

    private void check(Class<?> type, Object target) throws Exception {
        for (Method method : type.getMethods()) {
            boolean isStatic = Modifier.isStatic(method.getModifiers());
            if (method.getDeclaringClass() != type || isStatic != (target == null) || method.isSynthetic()
                    || method.getName().equals("equals")) { // Object's contract: false for null
                continue;
            }
            Class<?>[] parameters = method.getParameterTypes();
            for (int i = 0; i < parameters.length; i++) {
                if (!parameters[i].isPrimitive()) {
                    callWithNullAt(type, target, method, i);
                }
            }
        }
    }

    private void callWithNullAt(Class<?> type, Object target, Method method, int position) throws Exception {
        Class<?>[] parameters = method.getParameterTypes();
        Object[] arguments = new Object[parameters.length];
        for (int i = 0; i < parameters.length; i++) {
            arguments[i] = i == position ? null : sample(parameters[i]);
        }
        String name = (type.getEnclosingClass() == null ? "" : type.getEnclosingClass().getSimpleName() + ".")
                + type.getSimpleName() + "." + method.getName() + "/" + position;
        calls++;
        try {
            Object result = method.invoke(target, arguments);
            if (OPTIONAL.contains(name)) {
                return;
            }
            Method build = result == null ? null : buildMethod(result.getClass());
            if (build == null) {
                failures.add(name + " accepted null");
                return;
            }
            // a builder may check its settings when it builds, as the process table's does
            build.invoke(result);
            failures.add(name + " accepted null, and so did build()");
        } catch (InvocationTargetException e) {
            Throwable thrown = e.getCause();
            if (thrown instanceof KernelException kernel && kernel.errno() == Errno.EINVAL) {
                return;
            }
            if (thrown instanceof NullPointerException npe && npe.getMessage() != null
                    && npe.getMessage().matches("[a-z][A-Za-z]*")) {
                return;
            }
            failures.add(name + " threw " + thrown);
        }
    }

    private static Method buildMethod(Class<?> type) {
        try {
            return type.getSimpleName().equals("Builder") ? type.getMethod("build") : null;
        } catch (NoSuchMethodException e) {
            return null;
        }
    }

    private static Object sample(Class<?> type) {
        if (type == boolean.class) {
            return false;
        }
        if (type == long.class) {
            return 1L;
        }
        if (type == int.class) {
            return 1;
        }
        Supplier<Object> supplier = SAMPLES.get(type);
        return supplier == null ? null : supplier.get();
    }

    /** A process that never ends and ignores signals. */
    private static DriverProcess idleProcess() {
        return (DriverProcess) Proxy.newProxyInstance(DriverProcess.class.getClassLoader(),
                new Class<?>[] {DriverProcess.class},
                (proxy, method, args) -> method.getName().equals("waitFor") ? OptionalInt.empty() : null);
    }

    private static RuntimeDriver idleDriver() {
        return new RuntimeDriver() {
            @Override
            public String name() {
                return "idle";
            }

            @Override
            public Set<String> commands() {
                return Set.of();
            }

            @Override
            public DriverProcess start(io.sandkernel.api.spi.ProcessLaunch launch) {
                throw new KernelException(Errno.ENOENT, "no commands");
            }
        };
    }
}
