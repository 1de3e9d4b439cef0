"""Steps several handlers share: each calls the domain, then a view shows the result."""
