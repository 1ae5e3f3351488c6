//! The order of the lists drawn from items: news newest first, actions
//! and projects by start, ties in site order. Each order is sorted once
//! per site; backlinks, tags and news lists then come out in it as the
//! items are read in that order, with no sort of their own.

use std::collections::{BTreeMap, HashMap};

use rayon::prelude::*;

use super::{Backlinks, Item, Tag};
use crate::config::{Config, Fallback};
use crate::content::Kind;
use crate::frontmatter::FrontMatter;

/// Per language, its news list and its tags.
type NewsAndTags = (BTreeMap<String, Vec<usize>>, BTreeMap<String, BTreeMap<String, Tag>>);

/// Fills each item's backlinks; returns, per language, its news list and
/// its tags.
pub(super) fn backlinks_news_and_tags(config: &Config, items: &mut [Item]) -> NewsAndTags {
    let newest = sorted_by_key(
        items
            .iter()
            .enumerate()
            .filter(|(_, item)| item.kind == Kind::News)
            .map(|(n, item)| (std::cmp::Reverse(item.when), n)),
    );
    let by_start = sorted_by_key(
        items
            .iter()
            .enumerate()
            .filter(|(_, item)| matches!(item.kind, Kind::Action | Kind::Project))
            .map(|(n, item)| (item.when, n)),
    );
    compute_backlinks(items, newest.iter().chain(&by_start).copied());
    collect_news(config, items, &newest)
}

/// The indices of `keyed` in the order of their keys, ties in index order.
/// Keys are read once, in index order, then sorted beside their index:
/// comparing them reads no item, which on a large site would each be a
/// cache miss.
pub(crate) fn sorted_by_key<K: Ord>(keyed: impl Iterator<Item = (K, usize)>) -> Vec<usize> {
    let mut keyed: Vec<(K, usize)> = keyed.collect();
    // Indices are unique, so an unstable sort gives the one order there is.
    keyed.sort_unstable();
    keyed.into_iter().map(|(_, n)| n).collect()
}

/// Fills each item's backlinks, reading the items that link in `order`
/// (news newest first, then actions and projects by start): each list of
/// backlinks comes in its order.
fn compute_backlinks(items: &mut [Item], order: impl Iterator<Item = usize>) {
    let mut back: Vec<Backlinks> = vec![Backlinks::default(); items.len()];
    for n in order {
        let item = &items[n];
        let targets = item.lead.iter().chain(&item.partners).chain(&item.projects).chain(&item.project);
        let mut seen = Vec::new();
        for &target in targets {
            if seen.contains(&target) {
                continue;
            }
            seen.push(target);
            match item.kind {
                Kind::Project => back[target].projects.push(n),
                Kind::Action => back[target].actions.push(n),
                Kind::News => back[target].news.push(n),
                _ => {}
            }
        }
    }
    for (item, b) in items.iter_mut().zip(back) {
        item.back = b;
    }
}

fn collect_news(config: &Config, items: &[Item], newest: &[usize]) -> NewsAndTags {
    let banner = config.translation_fallback == Fallback::Banner;
    // Languages are independent: collected side by side.
    let found: Vec<(String, Vec<usize>, BTreeMap<String, Tag>)> = config
        .language_codes()
        .into_par_iter()
        .map(|lang| {
            let (listed, tags) = news_in(items, &lang, newest, banner);
            (lang, listed, tags)
        })
        .collect();
    let mut news = BTreeMap::new();
    let mut tags = BTreeMap::new();
    for (lang, listed, found) in found {
        news.insert(lang.clone(), listed);
        tags.insert(lang, found);
    }
    (news, tags)
}

/// The news list of `lang` (with `banner`, the news not written in it
/// too), and the tags of the news published in it, by slug; both newest
/// first, in the order of `newest`. A tag written several ways (`Eau`,
/// `eau`) is named as the news first in site order writes it.
fn news_in(items: &[Item], lang: &str, newest: &[usize], banner: bool) -> (Vec<usize>, BTreeMap<String, Tag>) {
    let mut slugs: HashMap<&str, String> = HashMap::new();
    // Each tag, with the item its name was taken from.
    let mut by_slug: HashMap<String, (Tag, usize)> = HashMap::new();
    let mut listed = Vec::with_capacity(newest.len());
    for &n in newest {
        let Some(entry) = items[n].entries.get(lang) else {
            if banner {
                listed.push(n);
            }
            continue;
        };
        listed.push(n);
        let FrontMatter::News(news) = &*entry.fm else { continue };
        for name in news.tags.iter().flatten() {
            let slug = slugs.entry(name).or_insert_with(|| crate::markdown::slugify(name));
            if slug.is_empty() {
                continue;
            }
            let (tag, named_by) = match by_slug.get_mut(slug.as_str()) {
                Some(tag) => tag,
                None => by_slug
                    .entry(slug.clone())
                    .or_insert_with(|| (Tag { name: name.clone(), slug: slug.clone(), items: Vec::new() }, n)),
            };
            if n < *named_by {
                (tag.name, *named_by) = (name.clone(), n);
            }
            if tag.items.last() != Some(&n) {
                tag.items.push(n);
            }
        }
    }
    (listed, by_slug.into_iter().map(|(slug, (tag, _))| (slug, tag)).collect())
}
