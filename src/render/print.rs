//! The printed sheet of a profile: one A4 page, set denser the more the
//! profile has to say. The browser cannot tell the print stylesheet how
//! long a story is, so the build weighs the text and names a layout
//! (`print-1` … `print-4`, see the `@media print` block of the theme's
//! `style.css`); a story too long for the densest one is cut at the foot of
//! the sheet, which then says where the whole text is (`print-cut`).

/// What is printed, in characters; blocks (paragraphs, headings, list
/// items) count a line's worth more each, for the line they start and the
/// space around them.
#[derive(Debug, Default, Clone, Copy, PartialEq, Eq)]
pub struct Weight(usize);

/// A block's share of the sheet beyond its characters.
const BLOCK: usize = 60;

impl Weight {
    /// Add a line of text printed as its own block (a summary, an award).
    pub fn block(&mut self, text: &str) {
        self.0 += text.chars().count() + BLOCK;
    }

    /// Add a Markdown story: its characters, and a block for each paragraph,
    /// heading or list item.
    pub fn story(&mut self, markdown: &str) {
        let mut in_block = false;
        for line in markdown.lines() {
            let line = line.trim();
            let item = line.starts_with(['-', '*', '#', '|']) || line.starts_with(char::is_numeric);
            // A picture prints up to 35 mm high: some five lines.
            self.0 += line.matches("![").count() * 5 * BLOCK;
            if line.is_empty() {
                in_block = false;
            } else if !in_block || item {
                self.0 += BLOCK;
                in_block = true;
            }
            self.0 += line.chars().count();
        }
    }
}

/// Heaviest weight each layout still fits on the page, lightest layout
/// first. Measured in Chromium on the fictional profiles of
/// tests/browser/long-profiles.mjs (two awards, a source, paragraphs of
/// about 250 letters): the last weights that printed on one page were
/// 3,053, 4,389, 5,728 and 7,699; these keep about 8 % in hand for long
/// names, photos and notices. tests/browser/print.test.mjs holds every
/// layout to one page.
const FITS: [(usize, &str); 4] = [
    (2_800, "print-1"),
    (4_100, "print-2"),
    (5_300, "print-3"),
    (7_100, "print-4"),
];

/// The layout of a profile's sheet, as classes for its `<article>`.
pub fn layout(weight: Weight) -> &'static str {
    FITS.iter()
        .find(|(max, _)| weight.0 <= *max)
        .map(|(_, class)| *class)
        .unwrap_or("print-4 print-cut")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn longer_stories_get_denser_layouts() {
        let paragraph = "Đây là một câu hư cấu để thử bản in. ".repeat(10);
        let mut seen = Vec::new();
        for n in [1, 8, 11, 14, 40] {
            let mut w = Weight::default();
            w.block("Tóm tắt hư cấu.");
            w.story(&vec![paragraph.as_str(); n].join("\n\n"));
            seen.push(layout(w));
        }
        assert_eq!(
            seen,
            [
                "print-1",
                "print-2",
                "print-3",
                "print-4",
                "print-4 print-cut"
            ]
        );
    }

    #[test]
    fn blocks_weigh_more_than_their_letters() {
        let (mut one, mut many) = (Weight::default(), Weight::default());
        one.story("a b c d");
        many.story("- a\n- b\n\n## c\n\nd");
        assert!(many.0 > one.0 + 2 * BLOCK, "{many:?} {one:?}");
    }
}
