// The forge-cli-bundle Jest project: sites started by these tests load the app as the Forge CLI bundles it.
process.env.APP_BUNDLER = 'forge-cli';
