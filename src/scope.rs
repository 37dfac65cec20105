//! How much of the site a stage draws. `guong build` draws everything;
//! `guong serve` redraws only what an edit touches, so that saving one
//! profile of ten thousand reloads the browser in milliseconds.

use std::collections::BTreeSet;

#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Scope {
    /// Every file of the site.
    All,
    /// Only the files of these profiles (their pages, photos, cards,
    /// embeds): what they show elsewhere did not change, e.g. an edit of the
    /// story only.
    Profiles(BTreeSet<String>),
    /// The files of these profiles, the listing pages that show their cards,
    /// and the few pages and feeds that sum the site up: what the cards show
    /// changed (a summary, say) but not which lists they are in nor their
    /// place there.
    Cards(BTreeSet<String>),
    /// The files of these profiles and everything shared that may list them
    /// (listings, taxonomies, home, feeds, the aggregate API), but not the
    /// other profiles' own pages.
    Shared(BTreeSet<String>),
}

impl Scope {
    /// Whether this profile's own files are drawn.
    pub fn profile(&self, slug: &str) -> bool {
        match self {
            Scope::All => true,
            Scope::Profiles(s) | Scope::Cards(s) | Scope::Shared(s) => s.contains(slug),
        }
    }

    /// Whether files that list many profiles are drawn.
    pub fn shared(&self) -> bool {
        !matches!(self, Scope::Profiles(_))
    }

    /// Whether a listing page showing these profiles is drawn.
    pub fn listing<'a>(&self, mut slugs: impl Iterator<Item = &'a str>) -> bool {
        match self {
            Scope::All | Scope::Shared(_) => true,
            Scope::Cards(s) => slugs.any(|slug| s.contains(slug)),
            Scope::Profiles(_) => false,
        }
    }

    /// Whether files that depend only on the configuration and theme (site
    /// share cards, theme assets, schemas) are drawn.
    pub fn all(&self) -> bool {
        matches!(self, Scope::All)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn scopes_nest() {
        let one: BTreeSet<String> = ["a".to_string()].into();
        let p = Scope::Profiles(one.clone());
        let s = Scope::Shared(one);
        assert!(p.profile("a") && !p.profile("b") && !p.shared() && !p.all());
        assert!(s.profile("a") && !s.profile("b") && s.shared() && !s.all());
        assert!(Scope::All.profile("b") && Scope::All.shared() && Scope::All.all());
    }
}
