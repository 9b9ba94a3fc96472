//! `jitprof annotate`: the source with a gutter per line.
//!
//! The pieces: `crate::lines` joins the profile's per-line data,
//! `select` decides which lines to show, `text` and `json` print them,
//! `header` describes each function, `find` locates functions.

mod find;
mod header;
mod json;
mod select;
mod text;

use crate::lines::LineTable;
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
pub fn render(p: &Profile, o: &ListingOptions) -> Result<String, String> {
    let table = LineTable::new(p);
    let sections = select::sections(p, &table, o)?;
    Ok(text::render(p, &table, &sections, o))
}

/// The listing as JSON: an array of line objects.
pub fn render_json(p: &Profile, o: &ListingOptions) -> Result<serde_json::Value, String> {
    let table = LineTable::new(p);
    let sections = select::sections(p, &table, o)?;
    Ok(json::render(p, &table, &sections))
}

#[cfg(test)]
mod tests;
