//! pledge-explorer: how a country pays a huge investment pledge.
//!
//! Data flows one way: a query string is checked once into a [`scenario::Scenario`]; the pure
//! [`model`] turns it into a [`model::Schedule`] and a [`model::Summary`]; [`chart`],
//! [`export`] and [`text`] present them. The CLI (`src/bin/pledge.rs`) and the browser front
//! end (`web`, wasm32 only) are thin shells around that path. See `ARCHITECTURE.md`.

pub mod chart;
pub mod decimal;
pub mod export;
pub mod facts;
pub mod feasibility;
pub mod map_chart;
pub mod message;
pub mod model;
pub mod presets;
pub mod scenario;
pub mod text;
pub mod tour;
pub mod ui_state;
pub mod view;

#[cfg(not(target_arch = "wasm32"))]
pub mod native;

#[cfg(target_arch = "wasm32")]
pub mod web;

pub use model::{schedule, summarize, Row, Schedule, Summary};
pub use presets::Preset;
pub use scenario::{Key, RawParams, Scenario, ScenarioError};
