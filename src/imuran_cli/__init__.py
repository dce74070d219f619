"""imuran: a command-line companion for people with myasthenia gravis who take azathioprine."""

__version__ = "0.1.0"
