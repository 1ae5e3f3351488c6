//! Owns `passerelle edit`: the dev server of `serve --watch` with an editor
//! in the browser, for people who write content without touching YAML. The
//! editor answers under `/__passerelle/edit/`, adds a toolbar to the pages
//! it serves, and writes content files only after the build's own checks
//! passed on what it is about to write. Nothing of it reaches `build`.

mod catalog;
mod form;
mod guard;
mod html;
mod inputs;
mod pages;
mod patch;
mod save;
mod schema;
mod upload;

use std::net::SocketAddr;
use std::path::PathBuf;
use std::sync::{Arc, Condvar, Mutex, MutexGuard, OnceLock, PoisonError};
use std::time::Duration;

use tiny_http::{Method, Request};

use self::catalog::Catalog;
use self::guard::{Guard, Refusal};
use self::html::PREFIX;
use crate::builder::{Builder, Surveyed};
use crate::diag::Diagnostics;
use crate::options::{BuildOptions, load_config};
use crate::serve::ServeOptions;
use crate::server::{Answer, Extension};

const TEXT_HTML: &str = "text/html; charset=utf-8";
const TEXT_PLAIN: &str = "text/plain; charset=utf-8";
/// The largest form the editor reads: far above any page's text.
const MAX_FORM: usize = 4 * 1024 * 1024;

/// What `edit` was asked for.
#[derive(Debug, Clone)]
pub struct EditOptions {
    pub build: BuildOptions,
    pub bind: String,
    pub port: u16,
    pub open: bool,
}

/// Runs the editor until the process is stopped; refuses an address other
/// than loopback before anything else.
pub fn edit(options: EditOptions) -> std::io::Result<()> {
    if !guard::is_loopback_bind(&options.bind) {
        return Err(std::io::Error::other(tr!("editor-bind-refused", address = options.bind.as_str())));
    }
    let bind = if options.bind.eq_ignore_ascii_case("localhost") { "127.0.0.1".to_string() } else { options.bind };
    let editor = Arc::new(Editor::new(options.build.clone()));
    let serve = ServeOptions { build: options.build, bind, port: options.port, watch: true, open: options.open };
    crate::serve::serve_with(serve, Some(editor))
}

/// The editor's state, shared by the server's threads.
pub(crate) struct Editor {
    root: PathBuf,
    /// Set once the port is known.
    guard: OnceLock<Guard>,
    state: Mutex<State>,
    /// How many builds finished, to answer a save once its page is built.
    builds: Mutex<u64>,
    built: Condvar,
}

/// How long a save waits for the rebuild that shows it before answering.
const REBUILD_WAIT: Duration = Duration::from_secs(5);

struct State {
    /// Surveys the content (drafts and future news included) for the
    /// catalog and for every save; its caches make that quick.
    builder: Builder,
    catalog: Option<Arc<Catalog>>,
}

impl Editor {
    fn new(build: BuildOptions) -> Editor {
        let root = build.root.clone();
        let builder = Builder::new(BuildOptions { drafts: true, future: true, ..build });
        Editor {
            root,
            guard: OnceLock::new(),
            state: Mutex::new(State { builder, catalog: None }),
            builds: Mutex::new(0),
            built: Condvar::new(),
        }
    }

    fn lock(&self) -> MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// What the editor knows of the site, surveyed again after a change.
    fn catalog(&self) -> Option<Arc<Catalog>> {
        let mut state = self.lock();
        if state.catalog.is_none() {
            let (diagnostics, surveyed) = state.builder.survey(Vec::new());
            let catalog = self.make_catalog(surveyed.as_ref(), diagnostics)?;
            state.catalog = Some(Arc::new(catalog));
        }
        state.catalog.clone()
    }

    fn make_catalog(&self, surveyed: Option<&Surveyed>, diagnostics: Diagnostics) -> Option<Catalog> {
        let config = load_config(&self.root, None, &mut Diagnostics::new())?;
        Some(Catalog::new(&self.root, config, surveyed, diagnostics))
    }

    /// The build's checks on the content as it would be with `rel` holding
    /// `text`, and the site it gives.
    fn survey_with(&self, rel: &str, text: &str) -> (Diagnostics, Option<Surveyed>) {
        self.lock().builder.survey(vec![(rel.to_string(), text.to_string())])
    }

    fn forget(&self) {
        self.lock().catalog = None;
    }

    /// The number of builds finished so far.
    fn builds(&self) -> u64 {
        *self.builds.lock().unwrap_or_else(PoisonError::into_inner)
    }

    /// Waits (a few seconds at most) for a build to finish after `seen`, so
    /// that the page a save leads to already shows the change.
    fn wait_for_build(&self, seen: u64) {
        let builds = self.builds.lock().unwrap_or_else(PoisonError::into_inner);
        let _ = self.built.wait_timeout_while(builds, REBUILD_WAIT, |count| *count <= seen);
    }

    fn token(&self) -> &str {
        self.guard.get().map_or("", Guard::token)
    }

    fn route(&self, request: &mut Request) -> Result<Answer, Refusal> {
        let url = request.url().to_string();
        let path = url.split(['?', '#']).next().unwrap_or_default();
        let name = path.strip_prefix(PREFIX).unwrap_or_default();
        let method = request.method().clone();
        if method == Method::Post {
            // Scripts send the token in a header; forms as a field, checked
            // as the form is read.
            let guard = self.guard.get().ok_or(Refusal::ForeignHost)?;
            match header(request, "X-Passerelle-Token") {
                Some(token) => guard.check_write(header(request, "Origin").as_deref(), Some(&token))?,
                None if name == "upload" => guard.check_write(header(request, "Origin").as_deref(), None)?,
                None => {}
            }
        }
        let catalog = || self.catalog().ok_or(Refusal::Malformed);
        match (method, name) {
            (Method::Get, "") => Ok(html(200, pages::dashboard(&*catalog()?, self.token()))),
            (Method::Get, "form") => {
                let rel = guard::query_value(&url, "path").ok_or(Refusal::Malformed)?;
                guard::content_file(&self.root, &rel)?;
                Ok(save::open(self, &*catalog()?, &rel))
            }
            (Method::Get, "new") => {
                let kind = guard::query_value(&url, "kind").unwrap_or_default();
                Ok(pages::new_item(&*catalog()?, &kind, self.token(), &[], None))
            }
            (Method::Get, "editor.css") => Ok(Answer::new(200, "text/css; charset=utf-8", EDITOR_CSS)),
            (Method::Get, "editor.js") => Ok(Answer::new(200, "text/javascript; charset=utf-8", EDITOR_JS)),
            (Method::Post, "save") => {
                let pairs = self.form(request)?;
                Ok(save::save(self, &*catalog()?, &pairs))
            }
            (Method::Post, "preview") => {
                let pairs = self.form(request)?;
                Ok(save::preview(self, &pairs))
            }
            (Method::Post, "create") => {
                let pairs = self.form(request)?;
                Ok(pages::create(self, &*catalog()?, &pairs))
            }
            (Method::Post, "upload") => {
                let given = guard::query_value(&url, "name").unwrap_or_default();
                let bytes = read_body(request, upload::MAX_UPLOAD)?;
                let src = upload::store(&self.root, &given, &bytes)?;
                let json = serde_json::json!({ "src": src }).to_string();
                Ok(Answer::new(201, "application/json", json))
            }
            (Method::Get | Method::Post, _) => {
                Ok(Answer::new(404, TEXT_PLAIN, format!("{}\n", tr!("editor-not-found"))))
            }
            _ => Ok(Answer::new(405, TEXT_PLAIN, format!("{}\n", tr!("serve-method-not-allowed")))
                .with("Allow", "GET, POST")),
        }
    }

    /// The posted form, once its token is checked.
    fn form(&self, request: &mut Request) -> Result<Vec<(String, String)>, Refusal> {
        let bytes = read_body(request, MAX_FORM)?;
        let pairs = guard::form_pairs(&bytes)?;
        if header(request, "X-Passerelle-Token").is_none() {
            let guard = self.guard.get().ok_or(Refusal::BadToken)?;
            let token = pairs.iter().find(|(n, _)| n == "token").map(|(_, v)| v.as_str());
            guard.check_write(header(request, "Origin").as_deref(), token)?;
        }
        Ok(pairs)
    }
}

impl Extension for Editor {
    fn bound(&self, addr: SocketAddr) {
        let _ = self.guard.set(Guard::new(addr.port()));
    }

    fn admit(&self, request: &Request) -> Result<(), (u16, String)> {
        let Some(guard) = self.guard.get() else { return Err(refusal(&Refusal::ForeignHost)) };
        guard.check_host(header(request, "Host").as_deref()).map_err(|r| refusal(&r))
    }

    fn answer(&self, request: &mut Request) -> Option<Answer> {
        if !request.url().starts_with(PREFIX) {
            return None;
        }
        Some(self.route(request).unwrap_or_else(|refused| {
            let (status, message) = refusal(&refused);
            Answer::new(status, TEXT_PLAIN, format!("{message}\n"))
        }))
    }

    fn toolbar(&self, path: &str) -> Option<String> {
        let catalog = self.catalog()?;
        Some(pages::toolbar(&catalog, path))
    }

    fn site_changed(&self) {
        self.forget();
        *self.builds.lock().unwrap_or_else(PoisonError::into_inner) += 1;
        self.built.notify_all();
    }
}

/// A refusal as its status and message, in the user's language.
fn refusal(refused: &Refusal) -> (u16, String) {
    let message = match refused {
        Refusal::ForeignHost => tr!("editor-refused-host"),
        Refusal::ForeignOrigin | Refusal::MissingOrigin => tr!("editor-refused-origin"),
        Refusal::BadToken => tr!("editor-refused-token"),
        Refusal::OutsideContent | Refusal::NotContentFile | Refusal::Symlink => tr!("editor-refused-path"),
        Refusal::TooLarge => tr!("editor-refused-size"),
        Refusal::BadType => tr!("editor-refused-type"),
        Refusal::UnsafeSvg => tr!("editor-refused-svg"),
        Refusal::Malformed => tr!("editor-refused-malformed"),
        Refusal::Storage => tr!("editor-refused-storage"),
    };
    (refused.status(), message)
}

fn header(request: &Request, name: &'static str) -> Option<String> {
    request.headers().iter().find(|h| h.field.equiv(name)).map(|h| h.value.as_str().to_string())
}

/// The request's body, refused past `limit` bytes before reading it when
/// the length is announced.
fn read_body(request: &mut Request, limit: usize) -> Result<Vec<u8>, Refusal> {
    if request.body_length().is_some_and(|length| length > limit) {
        return Err(Refusal::TooLarge);
    }
    guard::read_limited(request.as_reader(), limit)
}

fn html(status: u16, body: String) -> Answer {
    Answer::new(status, TEXT_HTML, body)
}

const EDITOR_CSS: &str = include_str!("editor/assets/editor.css");
const EDITOR_JS: &str = include_str!("editor/assets/editor.js");
