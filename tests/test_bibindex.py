"""The indexed reference-list filter gives exactly upstream's entries, in upstream's order."""

from __future__ import annotations

import pickle

import pytest
from sphinxcontrib.bibtex.domain import BibtexDomain

from treaty_toolkit.book import bibindex


def domain_from(env, cls):
    domain = cls.__new__(cls)  # the domain's state is the environment's data; no Sphinx app needed
    domain.env, domain.data = env, env.domaindata["cite"]
    return domain


@pytest.fixture(scope="module")
def env(built_book):
    with open(built_book.parent / ".doctrees" / "environment.pickle", "rb") as f:
        return pickle.load(f)


def test_every_reference_list_keeps_upstreams_entries(env):
    upstream, indexed = domain_from(env, BibtexDomain), domain_from(env, bibindex.IndexedBibtexDomain)
    assert len(upstream.bibliographies) >= 10
    for key in upstream.bibliographies:
        expected = [(k, e.key) for k, e in upstream.get_filtered_entries(key)]
        assert expected, f"{key.docname}: an empty reference list"
        assert [(k, e.key) for k, e in indexed.get_filtered_entries(key)] == expected, key.docname


def test_the_book_replaces_the_bibtex_domain():
    calls = []

    class App:
        def setup_extension(self, name):
            calls.append(("extension", name))

        def add_domain(self, domain, override=False):
            calls.append(("domain", domain, override))

    bibindex.setup(App())
    assert calls == [("extension", "sphinxcontrib.bibtex"), ("domain", bibindex.IndexedBibtexDomain, True)]
