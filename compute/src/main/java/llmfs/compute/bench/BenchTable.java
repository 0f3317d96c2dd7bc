package llmfs.compute.bench;

import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;

/** A plain-text table: a header row, then rows; numbers are right-aligned, text left-aligned. */
public final class BenchTable {
    private final List<String> header;
    private final List<List<String>> rows = new ArrayList<>();

    public BenchTable(String... header) {
        this.header = List.of(header);
    }

    public BenchTable row(Object... cells) {
        List<String> r = new ArrayList<>();
        for (Object c : cells) r.add(String.valueOf(c));
        rows.add(r);
        return this;
    }

    public void print(PrintWriter out) {
        int n = header.size();
        int[] w = new int[n];
        for (int i = 0; i < n; i++) w[i] = header.get(i).length();
        for (List<String> r : rows) for (int i = 0; i < n && i < r.size(); i++) w[i] = Math.max(w[i], r.get(i).length());
        line(out, header, w);
        StringBuilder rule = new StringBuilder();
        for (int i = 0; i < n; i++) rule.append(i == 0 ? "" : "  ").append("-".repeat(w[i]));
        out.println(rule);
        for (List<String> r : rows) line(out, r, w);
        out.flush();
    }

    private static void line(PrintWriter out, List<String> cells, int[] w) {
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < w.length; i++) {
            String c = i < cells.size() ? cells.get(i) : "";
            if (i > 0) sb.append("  ");
            boolean numeric = !c.isEmpty() && (Character.isDigit(c.charAt(0)) || c.charAt(0) == '-' && c.length() > 1
                    && Character.isDigit(c.charAt(1))) && !c.contains("×") && !c.contains("x") || c.endsWith("%");
            sb.append(numeric ? " ".repeat(w[i] - c.length()) + c : c + " ".repeat(w[i] - c.length()));
        }
        out.println(sb.toString().stripTrailing());
    }
}
