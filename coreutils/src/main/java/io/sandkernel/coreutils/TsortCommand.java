package io.sandkernel.coreutils;

import io.sandkernel.KernelException;
import io.sandkernel.api.Program;
import io.sandkernel.api.ProcessApi;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.util.ArrayList;
import java.util.List;
import java.util.TreeMap;

/**
 * tsort [FILE]: a total order consistent with the pairs of tokens read. The same walk as GNU's
 * tsort.c, so the output order is GNU's: items are visited in byte order (its balanced tree),
 * items without predecessors are queued, and each printed item releases its successors, the last
 * recorded first. A cycle is reported ("input contains a loop:" and its members on standard
 * error), broken by dropping one relation, and the sort goes on; the exit status is then 1.
 */
final class TsortCommand implements Program {
    private static final Options.Parser PARSER = new Options.Parser("");

    /** A token: how many predecessors are still unprinted, and whom it precedes. */
    private static final class Item {
        final String name;
        long count;
        boolean printed;
        Item queueNext;
        Successor top;

        Item(String name) {
            this.name = name;
        }
    }

    private static final class Successor {
        final Item item;
        Successor next;

        Successor(Item item, Successor next) {
            this.item = item;
            this.next = next;
        }
    }

    private Item loop;

    @Override
    public int run(ProcessApi process) throws Exception {
        List<String> operands = PARSER.parse(process.args()).operands();
        if (operands.size() > 1) {
            throw new UsageException("extra operand " + Diagnostics.quote(operands.get(1)));
        }
        String file = operands.isEmpty() ? "-" : operands.get(0);
        Diagnostics diagnostics = new Diagnostics(process, "tsort");
        byte[] data;
        InputStream in = null;
        try {
            in = InputFiles.open(process, file);
        } catch (KernelException e) {
            diagnostics.fileError(file, e);
            return 1;
        }
        try {
            data = in.readAllBytes();
        } catch (KernelException | IOException e) {
            // GNU's readtoken takes a failed read for the end of the input, silently
            data = new byte[0];
        } finally {
            InputFiles.close(process, in);
        }
        TreeMap<String, Item> items = new TreeMap<>();
        Item pending = null;
        Item k = null;
        for (String token : tokens(data)) {
            k = items.computeIfAbsent(token, Item::new);
            if (pending != null) {
                if (!pending.name.equals(k.name)) {
                    k.count++;
                    pending.top = new Successor(k, pending.top);
                }
                k = null;
            }
            pending = k;
        }
        if (k != null) {
            throw UsageException.withoutHint(Diagnostics.quoteIfNeeded(file) + ": input contains an odd number of tokens");
        }
        List<Item> sorted = new ArrayList<>(items.values());
        OutputStream out = ByteText.stdout(process);
        boolean ok = true;
        long remaining = sorted.size();
        while (remaining > 0) {
            Item head = null;
            Item tail = null;
            for (Item item : sorted) {
                if (item.count == 0 && !item.printed) {
                    if (head == null) {
                        head = item;
                    } else {
                        tail.queueNext = item;
                    }
                    tail = item;
                }
            }
            while (head != null) {
                ByteText.write(out, head.name + "\n");
                head.printed = true;
                remaining--;
                for (Successor p = head.top; p != null; p = p.next) {
                    if (--p.item.count == 0) {
                        tail.queueNext = p.item;
                        tail = p.item;
                    }
                }
                head = head.queueNext;
            }
            new CpuCheckpoint(process).poll();
            if (remaining > 0) {
                out.flush();
                diagnostics.error(Diagnostics.quoteIfNeeded(file) + ": input contains a loop:");
                ok = false;
                do {
                    for (Item item : sorted) {
                        if (detectLoop(item, diagnostics)) {
                            break;
                        }
                    }
                } while (loop != null);
            }
        }
        out.flush();
        return ok ? 0 : 1;
    }

    /** detect_loop: follows predecessors until an item repeats, prints that cycle and breaks it. */
    private boolean detectLoop(Item k, Diagnostics diagnostics) {
        if (k.count <= 0) {
            return false;
        }
        if (loop == null) {
            loop = k;
            return false;
        }
        Successor previous = null;
        for (Successor p = k.top; p != null; previous = p, p = p.next) {
            if (p.item != loop) {
                continue;
            }
            if (k.queueNext != null) {
                while (loop != null) {
                    Item next = loop.queueNext;
                    diagnostics.warnBytes(loop.name);
                    if (loop == k) {
                        p.item.count--;
                        if (previous == null) {
                            k.top = p.next;
                        } else {
                            previous.next = p.next;
                        }
                        break;
                    }
                    loop.queueNext = null;
                    loop = next;
                }
                while (loop != null) {
                    Item next = loop.queueNext;
                    loop.queueNext = null;
                    loop = next;
                }
                return true;
            }
            k.queueNext = loop;
            loop = k;
            break;
        }
        return false;
    }

    /** The tokens of the input, separated by spaces, tabs and newlines. */
    private static List<String> tokens(byte[] data) {
        List<String> tokens = new ArrayList<>();
        int start = -1;
        for (int i = 0; i <= data.length; i++) {
            boolean delimiter = i == data.length || data[i] == ' ' || data[i] == '\t' || data[i] == '\n';
            if (delimiter) {
                if (start >= 0) {
                    String token = ByteText.of(data, start, i - start);
                    int nul = token.indexOf('\0');
                    tokens.add(nul < 0 ? token : token.substring(0, nul)); // a C string ends there
                    start = -1;
                }
            } else if (start < 0) {
                start = i;
            }
        }
        return tokens;
    }
}
