extension HTMLRenderer {
  /// A line chart as inline SVG: one polyline per series, one circle per point with a tooltip (`<title>`),
  /// axis labels as text. No script, no external reference: it obeys the page's Content-Security-Policy.
  func chart(_ chart: ReportDocument.Chart) -> String {
    let (width, height) = (640, 260)
    let (left, right, top, bottom) = (48, 48, 36, 48)
    let plotWidth = width - left - right
    let plotHeight = height - top - bottom
    let maximum = max(chart.maximum, 1)
    let colours = ["#1a7f37", "#5c7ba6", "#b3261e", "#8a5a00"]
    func x(_ index: Int) -> Int {
      chart.labels.count == 1 ? left + plotWidth / 2 : left + index * plotWidth / (chart.labels.count - 1)
    }
    func y(_ value: Int) -> Int { top + plotHeight - value * plotHeight / maximum }
    var svg = "<figure class=\"chart\">\n"
    // Inline SVG in HTML needs no namespace attribute, so the page names no URL at all.
    svg += "<svg viewBox=\"0 0 \(width) \(height)\" width=\"\(width)\" height=\"\(height)\" "
    svg += "style=\"max-width: 100%; height: auto\" role=\"img\" aria-label=\"\(Self.escape(chart.title))\">\n"
    svg += "<text x=\"\(left)\" y=\"20\" font-size=\"14\" font-weight=\"bold\">\(Self.escape(chart.title))</text>\n"
    // Axes and a few gridlines with their values.
    let step = max(1, maximum / 5)
    for value in stride(from: 0, through: maximum, by: step) {
      svg += "<line x1=\"\(left)\" y1=\"\(y(value))\" x2=\"\(left + plotWidth)\" y2=\"\(y(value))\" "
      svg += "stroke=\"#d5dce6\" stroke-width=\"1\"/>\n"
      svg += "<text x=\"\(left - 6)\" y=\"\(y(value) + 4)\" font-size=\"11\" text-anchor=\"end\">\(value)</text>\n"
    }
    for (index, label) in chart.labels.enumerated() {
      svg += "<text x=\"\(x(index))\" y=\"\(top + plotHeight + 18)\" font-size=\"11\" text-anchor=\"middle\">"
      svg += "\(Self.escape(label))</text>\n"
    }
    for (number, series) in chart.series.enumerated() {
      let colour = colours[number % colours.count]
      let points = series.values.enumerated().compactMap { index, value in value.map { (index, $0) } }
      if points.count > 1 {
        svg += "<polyline class=\"series\" fill=\"none\" stroke=\"\(colour)\" stroke-width=\"2\" points=\""
        svg += points.map { "\(x($0.0)),\(y($0.1))" }.joined(separator: " ") + "\"/>\n"
      }
      for (index, value) in points {
        svg += "<circle class=\"point\" cx=\"\(x(index))\" cy=\"\(y(value))\" r=\"4\" fill=\"\(colour)\">"
        svg += "<title>\(Self.escape("\(series.name), \(chart.labels[index]): \(value)"))</title></circle>\n"
      }
      let legendY = height - 12
      let legendX = left + number * (plotWidth / max(chart.series.count, 1))
      svg += "<rect x=\"\(legendX)\" y=\"\(legendY - 9)\" width=\"10\" height=\"10\" fill=\"\(colour)\"/>\n"
      svg += "<text x=\"\(legendX + 14)\" y=\"\(legendY)\" font-size=\"11\">\(Self.escape(series.name))</text>\n"
    }
    svg += "</svg>\n<figcaption>\(Self.escape(chart.title)): "
    svg += chart.series.map { series in
      series.name + " " + series.values.map { $0.map(String.init) ?? "—" }.joined(separator: " → ")
    }.map(Self.escape).joined(separator: "; ")
    return svg + "</figcaption>\n</figure>\n"
  }
}
