//! Integration tests: build fixture sites with the real binary and check what
//! a reader (or a writer reading error messages) would see.

mod banners;
mod check;
mod cli;
mod codes;
mod common;
mod embed;
mod errors;
mod hostile;
mod import;
mod layers;
mod legacy;
mod mistakes;
mod pages;
mod phone;
mod photos;
mod print;
mod readings;
mod real_site;
mod schema;
mod search;
mod sitemap;
mod swap;
mod truth;
mod workflow;
