package io.antidote.tf.terraform;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/** Keeps the first and the last lines of a command's output (already redacted), for exceptions. Thread-safe. */
final class OutputBuffer {
    private final int keep;
    private final List<String> head = new ArrayList<>();
    private final Deque<String> tail = new ArrayDeque<>();
    private long dropped;

    OutputBuffer(int keep) {
        this.keep = keep;
    }

    synchronized void add(String line) {
        if (head.size() < keep) {
            head.add(line);
            return;
        }
        tail.addLast(line);
        if (tail.size() > keep) {
            tail.removeFirst();
            dropped++;
        }
    }

    synchronized String head() {
        return String.join("\n", head);
    }

    synchronized String tail() {
        String t = String.join("\n", tail);
        return dropped > 0 ? "... (" + dropped + " lines omitted)\n" + t : t;
    }
}
