package za.voelgoed.console.ui;

import java.util.function.IntFunction;
import javafx.scene.chart.XYChart;

/**
 * Puts new values on a chart series by moving the points it already has: a value is set only where it changed,
 * and points are added or removed at the end only when the count changes. New {@code Data} objects on every
 * update make the chart drop and re-make each point and lay itself out from nothing, ten times a second.
 */
public final class ChartPoints {

    private ChartPoints() {
    }

    public static void set(XYChart.Series<Number, Number> series, int count, IntFunction<Number> x,
                           IntFunction<Number> y) {
        javafx.collections.ObservableList<XYChart.Data<Number, Number>> points = series.getData();
        if (points.size() > count) {
            points.remove(count, points.size());
        }
        for (int i = 0; i < count; i++) {
            Number xi = x.apply(i);
            Number yi = y.apply(i);
            if (i >= points.size()) {
                points.add(new XYChart.Data<>(xi, yi));
                continue;
            }
            XYChart.Data<Number, Number> point = points.get(i);
            if (Double.compare(point.getXValue().doubleValue(), xi.doubleValue()) != 0) {
                point.setXValue(xi);
            }
            if (Double.compare(point.getYValue().doubleValue(), yi.doubleValue()) != 0) {
                point.setYValue(yi);
            }
        }
    }
}
