//! `jitprof annotate`: the source with a gutter per line.

use profile::Profile;

/// Options of `jitprof annotate`.
#[derive(Clone, Debug, Default)]
pub struct ListingOptions {
    /// Only this function (matched against name or qualname).
    pub function: Option<String>,
    /// Only the hottest regions, with `context` lines around them.
    pub hot: bool,
    pub context: usize,
    /// Hide lines below this share of the samples (percent).
    pub min_percent: f64,
    /// ANSI colour.
    pub color: bool,
}

/// The annotated listing as text.
pub fn render(_p: &Profile, _o: &ListingOptions) -> Result<String, String> {
    Err("annotate: not built yet".into())
}

/// The listing as JSON: an array of line objects.
pub fn render_json(_p: &Profile, _o: &ListingOptions) -> Result<serde_json::Value, String> {
    Err("annotate: not built yet".into())
}
