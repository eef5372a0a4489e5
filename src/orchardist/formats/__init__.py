"""File formats Orchardist reads and writes; one module per format, registered in ``registry``."""
