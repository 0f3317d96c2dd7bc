package llmfs.tui.screens;

import llmfs.compute.train.DpoTraining;
import llmfs.tui.widgets.BrailleChart;
import llmfs.tui.widgets.Canvas;
import llmfs.tui.widgets.Caps;
import llmfs.tui.widgets.ChartSeries;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Charts beside the loss chart for the figures a task measures at each evaluation ({@code TrainEvent.Measures}):
 * for DPO the preference accuracy and the chosen/rejected rewards, on train and held-out triplets. The charts are
 * drawn side by side in the space the loss chart would otherwise fill alone.
 */
final class MeasureCharts {
    /** One chart: its title (under the x axis) and its curves, by measure name → legend label. */
    record Panel(String title, Map<String, String> curves) {}

    private final List<Panel> panels;
    private final List<BrailleChart> charts = new ArrayList<>();
    private final List<Map<String, ChartSeries>> series = new ArrayList<>();
    private final Map<String, Integer> fed = new LinkedHashMap<>();

    MeasureCharts(List<Panel> panels) {
        this.panels = panels;
        for (Panel p : panels) {
            BrailleChart c = new BrailleChart().xLabel(p.title());
            Map<String, ChartSeries> s = new LinkedHashMap<>();
            p.curves().forEach((key, label) -> s.put(key, c.addSeries(label)));
            charts.add(c);
            series.add(s);
        }
    }

    /** The panels a task's measures call for: DPO's two, or none. */
    static List<Panel> panelsFor(Map<String, List<double[]>> measures) {
        if (!measures.containsKey(DpoTraining.TRAIN_ACCURACY)) return List.of();
        Map<String, String> acc = new LinkedHashMap<>();
        acc.put(DpoTraining.TRAIN_ACCURACY, "train");
        acc.put(DpoTraining.HELD_ACCURACY, "held out");
        Map<String, String> rewards = new LinkedHashMap<>();
        rewards.put(DpoTraining.TRAIN_CHOSEN, "chosen");
        rewards.put(DpoTraining.TRAIN_REJECTED, "rejected");
        rewards.put(DpoTraining.HELD_CHOSEN, "ho chosen");
        rewards.put(DpoTraining.HELD_REJECTED, "ho rejected");
        return List.of(new Panel("preference accuracy", acc), new Panel("rewards (ho: held out)", rewards));
    }

    boolean isEmpty() {
        return panels.isEmpty();
    }

    int count() {
        return panels.size();
    }

    /** Copies new points and fixes the x range to the run's length. */
    void feed(Map<String, List<double[]>> measures, long totalSteps) {
        for (int i = 0; i < panels.size(); i++) {
            if (panels.get(i).title().startsWith("preference")) charts.get(i).fixedYMin(0).fixedYMax(1);
            if (totalSteps > 0) charts.get(i).fixedXMax(totalSteps);
            for (Map.Entry<String, ChartSeries> e : series.get(i).entrySet()) {
                List<double[]> pts = measures.getOrDefault(e.getKey(), List.of());
                int from = fed.getOrDefault(e.getKey(), 0);
                for (int k = from; k < pts.size(); k++) e.getValue().add(pts.get(k)[0], pts.get(k)[1]);
                fed.put(e.getKey(), pts.size());
            }
        }
    }

    /** Chart {@code i}, drawn into a canvas of its own. */
    void render(int i, Canvas c, Caps caps) {
        charts.get(i).render(c, caps);
    }
}
