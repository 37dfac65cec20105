//! Statistics as bar charts drawn at build time: no script, the labels and
//! figures in HTML text (so they wrap and keep their size on a phone instead
//! of shrinking with a scaled picture), a text alternative for the whole
//! chart, and the same figures in a table beside it.

use crate::config::Lang;
use crate::data::Chart;
use crate::i18n::format_number;
use serde_json::{json, Value};

/// Bar lengths are given in thousandths of the longest bar's track.
const SCALE: u64 = 1000;

/// A bar's length for `value` when the longest is `max`: at least 1, so
/// that a bar of zero is still drawn as a hairline where the eye looks.
fn length(value: u64, max: u64) -> u64 {
    (value * SCALE / max).max(1)
}

/// The chart's view: bars (labels, figures, lengths), the text alternative
/// `desc`, and the totals of each series.
pub fn chart(c: &Chart, lang: Lang) -> Value {
    let max = c
        .bars
        .iter()
        .map(|b| b.value.max(b.compare.unwrap_or(0)))
        .max()
        .unwrap_or(1)
        .max(1);
    let mut desc = Vec::new();
    let rows: Vec<Value> = c
        .bars
        .iter()
        .map(|b| {
            let label = b.label.text(lang);
            let value = format_number(b.value, lang);
            let compare = b.compare.map(|cv| format_number(cv, lang));
            desc.push(match &compare {
                Some(cv) => format!("{label}: {value} / {cv}"),
                None => format!("{label}: {value}"),
            });
            json!({
                "label": label,
                "value": value,
                "length": length(b.value, max),
                "compare": compare,
                "compare_length": b.compare.map(|cv| length(cv, max)),
            })
        })
        .collect();
    let total: u64 = c.bars.iter().map(|b| b.value).sum();
    // The compared series has its total too (463 proposals beside 346
    // decided): a total row with an empty cell reads as "nothing".
    let compare_total: u64 = c.bars.iter().filter_map(|b| b.compare).sum();
    json!({
        "id": c.id,
        "title": c.title.text(lang),
        "desc": desc.join("; "),
        "scale": SCALE,
        "series": c.series.text(lang),
        "compare_series": c.compare_series.as_ref().map(|s| s.text(lang).to_string()),
        "rows": rows,
        "total": format_number(total, lang),
        "compare_total": c.compare_series.is_some().then(|| format_number(compare_total, lang)),
        "total_label": c.total_label.as_ref().map(|t| t.text(lang).to_string()),
    })
}
