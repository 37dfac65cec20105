//! Statistics as accessible SVG bar charts, drawn at build time: no script,
//! a text alternative in the SVG, and the same figures in a table beside it.

use crate::config::Lang;
use crate::data::Chart;
use crate::i18n::format_number;
use serde_json::{json, Value};

const WIDTH: u64 = 640;
const LABEL_H: u64 = 20;
const BAR_H: u64 = 16;
const GAP: u64 = 14;

fn esc(s: &str) -> String {
    s.replace('&', "&amp;")
        .replace('<', "&lt;")
        .replace('>', "&gt;")
        .replace('"', "&quot;")
}

/// The chart's view: `svg` (markup, built here from escaped text), table rows and total.
pub fn chart(c: &Chart, lang: Lang) -> Value {
    let max = c
        .bars
        .iter()
        .map(|b| b.value.max(b.compare.unwrap_or(0)))
        .max()
        .unwrap_or(1)
        .max(1);
    let compare = c.compare_series.is_some();
    let row_h = LABEL_H + BAR_H + if compare { BAR_H + 2 } else { 0 } + GAP;
    let height = row_h * c.bars.len() as u64 + 4;
    let usable = WIDTH - 90;
    let title = c.title.text(lang);
    let id = &c.id;
    let total: u64 = c.bars.iter().map(|b| b.value).sum();
    let mut desc = Vec::new();
    let mut svg = format!(
        r#"<svg class="chart" viewBox="0 0 {WIDTH} {height}" width="{WIDTH}" height="{height}" role="img" aria-labelledby="chart-{id}-title chart-{id}-desc" xmlns="http://www.w3.org/2000/svg"><title id="chart-{id}-title">{}</title>"#,
        esc(title)
    );
    let mut rows = Vec::new();
    let mut bars_svg = String::new();
    for (i, b) in c.bars.iter().enumerate() {
        let y = i as u64 * row_h;
        let label = b.label.text(lang);
        let w = (b.value * usable / max).max(1);
        let value = format_number(b.value, lang);
        bars_svg.push_str(&format!(
            r#"<text x="0" y="{}" class="chart-label">{}</text><rect x="0" y="{}" width="{w}" height="{BAR_H}" class="chart-bar"/><text x="{}" y="{}" class="chart-value">{value}</text>"#,
            y + LABEL_H - 6,
            esc(label),
            y + LABEL_H,
            w + 6,
            y + LABEL_H + BAR_H - 3
        ));
        let mut compare_value = None;
        if let Some(cv) = b.compare {
            let cw = (cv * usable / max).max(1);
            let cy = y + LABEL_H + BAR_H + 2;
            let cvf = format_number(cv, lang);
            bars_svg.push_str(&format!(
                r#"<rect x="0" y="{cy}" width="{cw}" height="{BAR_H}" class="chart-bar chart-bar-compare"/><text x="{}" y="{}" class="chart-value">{cvf}</text>"#,
                cw + 6,
                cy + BAR_H - 3
            ));
            compare_value = Some(cvf);
        }
        desc.push(match &compare_value {
            Some(cv) => format!("{label}: {value} / {cv}"),
            None => format!("{label}: {value}"),
        });
        rows.push(json!({"label": label, "value": value, "compare": compare_value}));
    }
    svg.push_str(&format!(
        r#"<desc id="chart-{id}-desc">{}</desc>"#,
        esc(&desc.join("; "))
    ));
    svg.push_str(&bars_svg);
    svg.push_str("</svg>");
    json!({
        "id": id,
        "title": title,
        "svg": svg,
        "series": c.series.text(lang),
        "compare_series": c.compare_series.as_ref().map(|s| s.text(lang).to_string()),
        "rows": rows,
        "total": format_number(total, lang),
        "total_label": c.total_label.as_ref().map(|t| t.text(lang).to_string()),
    })
}
