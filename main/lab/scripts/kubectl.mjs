console.error('kubectl facade: not yet'); process.exit(1);
