"""Facts typed by hand from sample documents, shared by the tests that check them."""
