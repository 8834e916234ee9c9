"""Django settings split by purpose: common, dev (default), prod, test."""
