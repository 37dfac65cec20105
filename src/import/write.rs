//! The text an import writes: a new profile's `index.vi.md`, and an award
//! list grown by a few lines inside a writer's file, leaving every other
//! byte (comments, order, quoting, the story) as the writer left it.

use super::plan::NewProfile;
use crate::data::Data;
use crate::messages::{msg, Msg};
use crate::site::{AwardEntry, Date};
use crate::validate::SUMMARY_MAX_CHARS;
use std::path::Path;

fn quoted(s: &str) -> String {
    crate::scaffold::yaml_string(s)
}

/// The award lines of one entry, the dash at `dash` spaces and the keys at `key`.
fn award_lines(a: &AwardEntry, dash: usize, key: usize) -> String {
    // The dash's gap sets where the item's keys start: keep it equal to `key`.
    let mut s = format!(
        "{}-{}award: {}\n{}year: {}\n",
        " ".repeat(dash),
        " ".repeat(key.saturating_sub(dash + 1).max(1)),
        a.award,
        " ".repeat(key),
        a.year
    );
    if let Some(d) = &a.decision {
        s.push_str(&format!("{}decision: {}\n", " ".repeat(key), quoted(d)));
    }
    s
}

/// The summary when the sheet gives none: what the row says, nothing more —
/// the awards and their years, else the position and organisation.
fn summary(p: &NewProfile, data: &Data) -> String {
    let awards: Vec<String> = p
        .awards
        .iter()
        .map(|a| {
            let name = data
                .awards
                .get(&a.award)
                .map_or(a.award.as_str(), |x| x.vi.as_str());
            format!("{name} ({})", a.year)
        })
        .collect();
    let text = if !awards.is_empty() {
        format!("{}.", awards.join("; "))
    } else {
        let parts: Vec<&str> = [p.role.as_deref(), p.organization.as_deref()]
            .into_iter()
            .flatten()
            .collect();
        if parts.is_empty() {
            let field = data
                .fields
                .get(&p.field)
                .map_or(p.field.as_str(), |f| f.vi.as_str());
            format!("Lĩnh vực: {field}.")
        } else {
            format!("{}.", parts.join(", "))
        }
    };
    shorten(&text, SUMMARY_MAX_CHARS)
}

/// At most `max` characters, cut at a word with an ellipsis.
fn shorten(text: &str, max: usize) -> String {
    if text.chars().count() <= max {
        return text.to_string();
    }
    let mut out = String::new();
    for word in text.split(' ') {
        if out.chars().count() + word.chars().count() + 2 > max {
            break;
        }
        if !out.is_empty() {
            out.push(' ');
        }
        out.push_str(word);
    }
    out.push('…');
    out
}

/// `index.vi.md` of a new profile. The story is left for the writer; the
/// comment says where the text came from.
pub fn profile_text(p: &NewProfile, data: &Data, source: &str, date: Date, draft: bool) -> String {
    let rows: Vec<String> = p.rows.iter().map(usize::to_string).collect();
    let mut s = format!(
        "---\n# Nhập từ {source} (dòng {rows}) bằng `guong import`; câu chuyện viết bên dưới dòng ---.\n\
         # Imported from {source} ({row_word} {rows}) by `guong import`; write the story below the --- line.\n",
        rows = rows.join(", "),
        row_word = if rows.len() == 1 { "row" } else { "rows" },
    );
    s.push_str(&format!("name: {}\n", quoted(&p.name)));
    s.push_str(&format!("kind: {}\n", p.kind.key()));
    let mut opt = |key: &str, v: &Option<String>| {
        if let Some(v) = v {
            s.push_str(&format!("{key}: {}\n", quoted(v)));
        }
    };
    opt("honorific", &p.honorific);
    opt("role", &p.role);
    opt("organization", &p.organization);
    s.push_str(&format!("field: {}\n", p.field));
    if let Some(c) = &p.commune {
        s.push_str(&format!("commune: {c}\n"));
    }
    if let Some(e) = &p.ethnicity {
        s.push_str(&format!("ethnicity: {}\n", quoted(e)));
    }
    if !p.awards.is_empty() {
        s.push_str("awards:\n");
        for a in &p.awards {
            s.push_str(&award_lines(a, 2, 4));
        }
    }
    let summary = p.summary.clone().unwrap_or_else(|| summary(p, data));
    s.push_str(&format!("summary: {}\n", quoted(&summary)));
    s.push_str(&format!("date: {date}\n"));
    if draft {
        s.push_str("draft: true\n");
    }
    s.push_str("---\n");
    s
}

/// Is this line a top-level `awards:` key? Returns what follows the colon.
fn awards_value(line: &str) -> Option<&str> {
    let rest = line.strip_prefix("awards")?;
    rest.trim_start_matches(' ').strip_prefix(':')
}

/// Add `entries` to the `awards` list of a profile's front matter. Only new
/// lines are inserted (and `awards: []` becomes `awards:`); everything else
/// stays byte for byte. An awards list written on one line (`[{…}]`) is left
/// alone: the writer adds those by hand.
pub fn add_awards(text: &str, entries: &[AwardEntry]) -> Result<String, Msg> {
    let fm_start = 4; // after "---\n", which the loader has already checked
    let (fm, _, _) =
        crate::content::split_front_matter(text, Path::new("")).map_err(|d| d.message)?;
    let fm_end = fm_start + fm.len();
    // (start offset in `text`, line without its newline)
    let lines: Vec<(usize, &str)> = fm
        .split_inclusive('\n')
        .scan(fm_start, |at, l| {
            let start = *at;
            *at += l.len();
            Some((start, l.trim_end_matches('\n')))
        })
        .collect();
    let Some(k) = lines.iter().position(|(_, l)| awards_value(l).is_some()) else {
        // No list yet: start one at the end of the front matter.
        let mut out = text[..fm_end].to_string();
        if !out.ends_with('\n') {
            out.push('\n');
        }
        out.push_str("awards:\n");
        for a in entries {
            out.push_str(&award_lines(a, 2, 4));
        }
        out.push_str(&text[fm_end..]);
        return Ok(out);
    };
    let (key_start, key_line) = lines[k];
    let value = awards_value(key_line).unwrap_or_default();
    let value_only = match value.find(" #") {
        Some(i) => &value[..i],
        None => value,
    }
    .trim();
    let mut out = String::with_capacity(text.len() + 100 * entries.len());
    match value_only {
        "" => {
            // A block list: insert after its last item line, with its indentation.
            let mut last = k;
            let mut dash_indent = None;
            for (n, (_, l)) in lines.iter().enumerate().skip(k + 1) {
                let t = l.trim_start();
                if t.is_empty() || t.starts_with('#') {
                    continue;
                }
                let indent = l.len() - t.len();
                if indent == 0 && !t.starts_with('-') {
                    break;
                }
                if t.starts_with('-') && dash_indent.is_none() {
                    dash_indent = Some(indent);
                }
                last = n;
            }
            let dash = dash_indent.unwrap_or(2);
            let key = lines
                .get(k + 1..=last)
                .and_then(|ls| ls.iter().find(|(_, l)| l.trim_start().starts_with('-')))
                .map(|(_, l)| {
                    let after_dash = &l.trim_start()[1..];
                    dash + 1 + (after_dash.len() - after_dash.trim_start().len())
                })
                .unwrap_or(dash + 2);
            let insert_at = lines[last].0 + lines[last].1.len() + 1;
            out.push_str(&text[..insert_at]);
            for a in entries {
                out.push_str(&award_lines(a, dash, key));
            }
            out.push_str(&text[insert_at..]);
        }
        "[]" | "~" | "null" => {
            let line_end = key_start + key_line.len() + 1;
            let after = &value[value.find(value_only).unwrap_or(0) + value_only.len()..];
            out.push_str(&text[..key_start]);
            out.push_str("awards:");
            out.push_str(after);
            out.push('\n');
            for a in entries {
                out.push_str(&award_lines(a, 2, 4));
            }
            out.push_str(&text[line_end..]);
        }
        _ => return Err(msg!("import-one-line-awards")),
    }
    Ok(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn entry(award: &str, year: i32, decision: Option<&str>) -> AwardEntry {
        AwardEntry {
            award: award.into(),
            year,
            decision: decision.map(str::to_string),
        }
    }

    #[test]
    fn adds_to_a_block_list_in_its_own_indentation() {
        let text = "---\nname: A # tên\nawards:\n- award: x   # first\n  year: 2020\n\n# comment\nsummary: s\n---\nBody\n";
        let out = add_awards(text, &[entry("y", 2024, Some("QĐ \"1\""))]).unwrap();
        assert_eq!(
            out,
            "---\nname: A # tên\nawards:\n- award: x   # first\n  year: 2020\n- award: y\n  year: 2024\n  decision: \"QĐ \\\"1\\\"\"\n\n# comment\nsummary: s\n---\nBody\n"
        );
    }

    #[test]
    fn starts_a_list_when_there_is_none_or_an_empty_one() {
        let text = "---\nname: A\nsummary: s\n---\n\nBody\n";
        assert_eq!(
            add_awards(text, &[entry("y", 2024, None)]).unwrap(),
            "---\nname: A\nsummary: s\nawards:\n  - award: y\n    year: 2024\n---\n\nBody\n"
        );
        let text = "---\nawards: []  # none yet\nsummary: s\n---\n";
        assert_eq!(
            add_awards(text, &[entry("y", 2024, None)]).unwrap(),
            "---\nawards:  # none yet\n  - award: y\n    year: 2024\nsummary: s\n---\n"
        );
    }

    #[test]
    fn a_one_line_list_is_left_to_the_writer() {
        let text = "---\nawards: [{award: x, year: 2020}]\n---\n";
        assert!(add_awards(text, &[entry("y", 2024, None)]).is_err());
    }

    #[test]
    fn long_summaries_are_cut_at_a_word() {
        let s = shorten(&"từ ".repeat(200), 300);
        assert!(s.chars().count() <= 300 && s.ends_with("từ…"), "{s}");
    }
}
