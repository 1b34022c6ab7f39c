# Ansible managed

# Clear any old environment that may conflict.
for key in $( set | awk '{FS="="}  /^OS_/ {print $1}' ); do unset $key ; done
export OS_PROJECT_DOMAIN_NAME='Default'
export OS_USER_DOMAIN_NAME='Default'
export OS_PROJECT_NAME='admin'
export OS_TENANT_NAME='admin'
export OS_USERNAME='admin'
export OS_PASSWORD='PLANTED-0101-openrc'
export OS_AUTH_URL='http://10.0.0.250:5000'
export OS_INTERFACE='internal'
export OS_ENDPOINT_TYPE='internalURL'
export OS_IDENTITY_API_VERSION='3'
export OS_REGION_NAME='RegionOne'
export OS_AUTH_PLUGIN='password'
# ---- ci-appcred-openrc.sh (an application credential, as Horizon downloads it)
#!/usr/bin/env bash

export OS_AUTH_TYPE=v3applicationcredential
export OS_AUTH_URL=https://keystone.example.net:5000/v3
export OS_IDENTITY_API_VERSION=3
export OS_REGION_NAME="RegionOne"
export OS_INTERFACE=public
export OS_APPLICATION_CREDENTIAL_ID=1c0c9b5ff2f346d08b31c4a1f42ca2c6
export OS_APPLICATION_CREDENTIAL_SECRET=PLANTED-0102-appcred
# ---- token-openrc.sh
export OS_AUTH_TYPE=v3token
export OS_TOKEN="PLANTED-0103-token"
