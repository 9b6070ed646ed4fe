#!/usr/bin/env bash
# Bring a Debian machine to what `make test` needs: the Debian packages (the
# browser, the MariaDB client library mysqlclient builds against, gettext) and
# running MariaDB and Redis servers. Idempotent: it installs and starts only
# what is missing, so `make test` runs it every time.
set -euo pipefail
export DEBIAN_FRONTEND=noninteractive

log() { printf '== %s\n' "$*"; }

installed() { dpkg-query -W -f='${Status}' "$1" 2>/dev/null | grep -q '^install ok installed$'; }

# chromium: browser tests; libmariadb-dev, pkg-config, build-essential: building
# mysqlclient; gettext: compilemessages; Node.js and npm: the JavaScript linter
# of make quality; the servers themselves in case the machine did not come with them.
packages=(chromium libmariadb-dev pkg-config build-essential gettext)
command -v node >/dev/null 2>&1 || packages+=(nodejs)
command -v npm >/dev/null 2>&1 || packages+=(npm)
command -v mariadbd >/dev/null 2>&1 || [ -x /usr/sbin/mariadbd ] || packages+=(mariadb-server)
command -v redis-server >/dev/null 2>&1 || packages+=(redis-server)
missing=()
for package in "${packages[@]}"; do
	installed "$package" || missing+=("$package")
done
if ((${#missing[@]})); then
	if [ "$(id -u)" -ne 0 ]; then
		echo "Missing Debian packages: ${missing[*]}" >&2
		echo "Install them as root: apt-get install ${missing[*]}" >&2
		exit 1
	fi
	log "installing ${missing[*]}"
	apt-get update -q
	apt-get install -y -q --no-install-recommends "${missing[@]}"
fi

wait_for() {
	local what=$1 seconds=$2
	shift 2
	for _ in $(seq "$seconds"); do
		"$@" >/dev/null 2>&1 && return 0
		sleep 1
	done
	echo "$what did not come up within ${seconds}s" >&2
	return 1
}

if ! mariadb -uroot -e 'select 1' >/dev/null 2>&1; then
	log "starting MariaDB"
	install -d -o mysql -g mysql /run/mysqld
	start-stop-daemon --start --oknodo --background --exec /usr/sbin/mariadbd
	wait_for MariaDB 60 mariadb -uroot -e 'select 1'
fi

if ! redis-cli -h 127.0.0.1 -p 6379 ping >/dev/null 2>&1; then
	log "starting Redis"
	install -d /var/lib/redis /var/log/redis
	redis-server --daemonize yes --bind 127.0.0.1 -::1 --port 6379 --save "" --appendonly no \
		--dir /var/lib/redis --logfile /var/log/redis/ci.log
	wait_for Redis 30 redis-cli -h 127.0.0.1 -p 6379 ping
fi
