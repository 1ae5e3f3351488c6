//! Owns `passerelle edit`'s editor: the pages and requests under
//! `/__passerelle/edit/` that let people write and translate content in the
//! browser, through the dev server of `serve --watch`.

mod guard;
mod patch;
mod upload;
