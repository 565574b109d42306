# Thin wrappers over tasks.py (which needs only Python 3.11+).
.PHONY: site test bench eval
site:
	python3 tasks.py site
test:
	python3 tasks.py test
bench:
	python3 tasks.py bench
eval:
	python3 tasks.py eval
