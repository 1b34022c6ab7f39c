console.log("build: placeholder")
